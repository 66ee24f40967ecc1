package com.cpsync.outbound.domain.centerpoint;

public record ServiceTicket(String id, String companyId, String number, String summary, Address address)
        implements CenterpointEntity {
}
