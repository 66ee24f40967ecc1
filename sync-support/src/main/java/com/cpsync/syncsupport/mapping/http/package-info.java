/** mapping-service over HTTP: the one client, its JSON shapes and its mapping of statuses. */
package com.cpsync.syncsupport.mapping.http;
