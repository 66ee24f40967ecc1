package com.cpsync.outbound.domain.centerpoint;

public record Project(String id, String companyId, String name, Address address) implements CenterpointEntity {
}
