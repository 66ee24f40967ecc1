/** What every WebFlux service of ours puts in front of its handlers. */
package com.cpsync.syncsupport.web;
