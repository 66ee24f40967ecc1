/** The credential a service shows mapping-service: a short-lived JWT signed with the service's own key. */
package com.cpsync.syncsupport.auth;
