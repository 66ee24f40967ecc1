package com.cpsync.deploy.chaos.workload;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Names, e-mail addresses and amounts for the workload. Company and customer names include what QBO's
 * query lexer and our matching must survive (issue 8): typographic quotes, {@code '}, {@code %},
 * {@code _}, a backslash, accents, an emoji, and a name of 100 characters with its token.
 */
final class Names {

    private static final String HUNDRED_CHARACTERS =
            "The Extraordinarily Long Named Residential And Commercial Renovation Company Of Springfield Co";
    private static final List<String> COMPANIES = List.of("Riverside Dental", "Bob’s Plumbing", "“Quoted” Builders",
            "‘Single’ Roofing", "100% Solar", "Under_Score Electric", "Back\\Slash Glass", "O'Neil Carpentry",
            "Café Müller Bakery", "Sunny 🌞 Pools", "Zoë & Søren Tiling", HUNDRED_CHARACTERS, "Summit Heating",
            "Greenfield Landscaping", "Harbor Masonry", "Northside Flooring");
    private static final List<String> COMPANY_SUFFIXES = List.of("Group", "Ltd", "& Sons", "North", "Holdings", "Services");
    private static final List<String> PROJECTS = List.of("Kitchen Remodel", "Roof Repair", "Basement Finish", "Deck Build",
            "Bathroom Refit", "Garage Conversion", "Solar Install", "Fence Line");
    private static final List<String> TICKETS = List.of("Leaking tap", "No hot water", "Tripped breaker", "Blocked drain",
            "Broken window", "Heater noise");
    private static final List<String> QBO_CUSTOMERS = List.of("Lakeside Bakery", "Hilltop Vets", "Maple Street Deli",
            "Ocean View Hotel", "Crescent Yoga", "Señor Taco’s", "Pine & Oak Café");
    private static final List<String> LINE_DESCRIPTIONS = List.of("Labour", "Parts", "Call-out fee", "Materials", "Disposal");

    private final Random random;

    Names(Random random) {
        this.random = random;
    }

    String company() {
        return pick(COMPANIES);
    }

    String companySuffix() {
        return pick(COMPANY_SUFFIXES);
    }

    String project() {
        return pick(PROJECTS);
    }

    String ticket() {
        return pick(TICKETS);
    }

    String qboCustomer() {
        return pick(QBO_CUSTOMERS);
    }

    String email(String token, int version) {
        return token.toLowerCase() + (version == 1 ? "" : ".v" + version) + "@example.com";
    }

    int version() {
        return 2 + random.nextInt(98);
    }

    /** One to {@code max} lines: whole quantities, prices in cents from 25.00 to 250.00, amount = quantity × price. */
    List<InvoiceLine> lines(int max) {
        int count = 1 + random.nextInt(max);
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(4));
            BigDecimal unitPrice = BigDecimal.valueOf(2500 + random.nextInt(22501), 2);
            lines.add(new InvoiceLine(pick(LINE_DESCRIPTIONS), quantity, unitPrice, quantity.multiply(unitPrice)));
        }
        return List.copyOf(lines);
    }

    /** 5.00 to 20.00: below any invoice's total (at least 25.00), so a payment never over-applies. */
    BigDecimal paymentAmount() {
        return BigDecimal.valueOf(500 + random.nextInt(1501), 2);
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
