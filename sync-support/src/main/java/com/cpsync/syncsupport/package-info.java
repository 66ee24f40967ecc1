/** What both sync services need, in one shape. Services depend on this library, never on each other. */
package com.cpsync.syncsupport;
