/** Kafka plumbing both sync services share: the replayed-topic reader and waiting for acknowledgements. */
package com.cpsync.syncsupport.kafka;
