/** The per-tenant access-token cache both sync services put in front of mapping-service. */
package com.cpsync.syncsupport.token;
