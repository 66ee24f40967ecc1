package com.cpsync.mapping.domain.connection;

public enum ConnectionStatus {
    CONNECTED, DISCONNECTED
}
