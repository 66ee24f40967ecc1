package com.cpsync.deploy.chaos.workload;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import com.cpsync.deploy.chaos.workload.Profile.Rule;

/**
 * Makes a chaos run's workload from its seed: the same seed, event count and tenant count give the
 * same steps, records, names and amounts. Each step picks a tenant, then one of the things that tenant
 * can do next (weighted), so parents come before children and QBO-side changes only touch what exists.
 */
public final class WorkloadGenerator {

    /**
     * Steps between a Centerpoint record and a QBO-side change that needs its QBO copy (an invoice for
     * a project's sub-customer, a payment of a service invoice): time for the sync to make the copy.
     */
    static final int SYNC_GAP = 30;

    private static final LocalDate FIRST_ISSUE_DATE = LocalDate.of(2026, 3, 2);
    private static final Map<StepKind, Integer> WEIGHTS = weights();

    private final Random random;
    private final long seed;

    private WorkloadGenerator(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    public static Workload generate(long seed, int events, int tenants) {
        if (events < 1 || tenants < 1) {
            throw new IllegalArgumentException("a workload needs at least one event and one tenant");
        }
        return new WorkloadGenerator(seed).make(events, tenants);
    }

    private Workload make(int events, int tenantCount) {
        List<TenantPlan> tenants = new ArrayList<>();
        List<TenantBook> books = new ArrayList<>();
        for (int i = 0; i < tenantCount; i++) {
            TenantPlan plan = new TenantPlan(String.format("chaos-%02d", i + 1), String.format("93410000%08d", i + 1),
                    Profile.forTenant(i));
            tenants.add(plan);
            books.add(new TenantBook(plan, random));
        }
        List<Step> steps = new ArrayList<>();
        for (int index = 0; index < events; index++) {
            TenantBook book = books.get(random.nextInt(books.size()));
            StepKind kind = pick(book, index);
            SourceRecord record = book.apply(kind, index);
            steps.add(new Step(index, book.plan.tenantId(), kind, record, eventId(index)));
        }
        return new Workload(seed, List.copyOf(tenants), List.copyOf(steps));
    }

    private StepKind pick(TenantBook book, int index) {
        Map<StepKind, Integer> feasible = new EnumMap<>(StepKind.class);
        WEIGHTS.forEach((kind, weight) -> {
            if (book.canDo(kind, index)) {
                feasible.put(kind, weight);
            }
        });
        int total = feasible.values().stream().mapToInt(Integer::intValue).sum();
        int roll = random.nextInt(total);
        for (Map.Entry<StepKind, Integer> entry : feasible.entrySet()) {
            roll -= entry.getValue();
            if (roll < 0) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("unreachable: weights sum to " + total);
    }

    /** Deterministic, so a POST retried after a broker restart carries the same event id. */
    private String eventId(int index) {
        return UUID.nameUUIDFromBytes(("chaos:" + seed + ":" + index).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Map<StepKind, Integer> weights() {
        Map<StepKind, Integer> weights = new EnumMap<>(StepKind.class);
        weights.put(StepKind.COMPANY_CREATED, 10);
        weights.put(StepKind.COMPANY_UPDATED, 5);
        weights.put(StepKind.PROJECT_CREATED, 9);
        weights.put(StepKind.PROJECT_UPDATED, 5);
        weights.put(StepKind.TICKET_CREATED, 8);
        weights.put(StepKind.TICKET_UPDATED, 4);
        weights.put(StepKind.INVOICE_CREATED, 10);
        weights.put(StepKind.INVOICE_UPDATED, 5);
        weights.put(StepKind.INVOICE_SENT, 5);
        weights.put(StepKind.QBO_CUSTOMER_CREATED, 6);
        weights.put(StepKind.QBO_CUSTOMER_RENAMED, 3);
        weights.put(StepKind.QBO_INVOICE_CREATED, 7);
        weights.put(StepKind.QBO_INVOICE_CHANGED, 3);
        weights.put(StepKind.QBO_INVOICE_DELETED, 1);
        weights.put(StepKind.QBO_PAYMENT_CREATED, 7);
        weights.put(StepKind.QBO_PAYMENT_CHANGED, 2);
        weights.put(StepKind.QBO_PAYMENT_DELETED, 1);
        return weights;
    }

    /** One tenant's records so far, and what may happen to them next. */
    private static final class TenantBook {

        private final TenantPlan plan;
        private final Random random;
        private final Names names;
        private final Map<Character, Integer> counters = new HashMap<>();
        private final List<Company> companies = new ArrayList<>();
        private final List<Project> projects = new ArrayList<>();
        private final Map<String, Integer> projectCreatedAt = new HashMap<>();
        private final List<Ticket> tickets = new ArrayList<>();
        private final List<ServiceInvoice> invoices = new ArrayList<>();
        private final Map<String, Integer> invoiceInQboAt = new HashMap<>();
        private final Set<String> sentInvoices = new HashSet<>();
        private final Set<String> paidInvoices = new HashSet<>();
        private final List<QboCustomer> qboCustomers = new ArrayList<>();
        private final List<QboInvoice> qboInvoices = new ArrayList<>();
        private final List<QboPayment> payments = new ArrayList<>();

        TenantBook(TenantPlan plan, Random random) {
            this.plan = plan;
            this.random = random;
            this.names = new Names(random);
        }

        boolean canDo(StepKind kind, int index) {
            Profile profile = plan.profile();
            switch (kind) {
                case COMPANY_CREATED:
                case QBO_CUSTOMER_CREATED:
                    return true;
                case COMPANY_UPDATED:
                case PROJECT_CREATED:
                case TICKET_CREATED:
                    return !companies.isEmpty();
                case PROJECT_UPDATED:
                    return !projects.isEmpty();
                case TICKET_UPDATED:
                case INVOICE_CREATED:
                    return !tickets.isEmpty();
                case INVOICE_UPDATED:
                    return !invoices.isEmpty();
                case INVOICE_SENT:
                    return invoices.stream().anyMatch(i -> !sentInvoices.contains(i.id()));
                case QBO_CUSTOMER_RENAMED:
                    return profile.has(Rule.INBOUND_CHANGES) && !qboCustomers.isEmpty();
                case QBO_INVOICE_CREATED:
                    return profile.has(Rule.PROJECTS) && !projectsInQbo(index).isEmpty();
                case QBO_INVOICE_CHANGED:
                    return profile.has(Rule.INBOUND_CHANGES) && !qboInvoices.isEmpty();
                case QBO_INVOICE_DELETED:
                    return profile.has(Rule.INBOUND_DELETES) && !unpaidQboInvoices().isEmpty();
                case QBO_PAYMENT_CREATED:
                    return profile.has(Rule.INBOUND_NEW) && !payableInvoices(index).isEmpty();
                case QBO_PAYMENT_CHANGED:
                    return profile.has(Rule.INBOUND_CHANGES) && !payments.isEmpty();
                case QBO_PAYMENT_DELETED:
                    return profile.has(Rule.INBOUND_DELETES) && !payments.isEmpty();
                default:
                    throw new IllegalArgumentException("unknown step kind " + kind);
            }
        }

        SourceRecord apply(StepKind kind, int index) {
            switch (kind) {
                case COMPANY_CREATED: {
                    String token = token('C');
                    return add(companies, new Company("co-" + token.toLowerCase(), token, token + " " + names.company(),
                            names.email(token, 1)));
                }
                case COMPANY_UPDATED: {
                    Company company = any(companies);
                    int version = names.version();
                    return replace(companies, company, new Company(company.id(), company.token(),
                            company.token() + " " + names.company() + " " + names.companySuffix(), names.email(company.token(), version)));
                }
                case PROJECT_CREATED: {
                    String token = token('P');
                    Project project = new Project("pr-" + token.toLowerCase(), token, any(companies).id(),
                            token + " " + names.project());
                    projectCreatedAt.put(project.id(), index);
                    return add(projects, project);
                }
                case PROJECT_UPDATED: {
                    Project project = any(projects);
                    return replace(projects, project, new Project(project.id(), project.token(), project.companyId(),
                            project.token() + " " + names.project() + " phase " + names.version()));
                }
                case TICKET_CREATED: {
                    String number = token('K');
                    return add(tickets, new Ticket("tk-" + number.toLowerCase(), number, any(companies).id(), names.ticket()));
                }
                case TICKET_UPDATED: {
                    Ticket ticket = any(tickets);
                    return replace(tickets, ticket, new Ticket(ticket.id(), ticket.number(), ticket.companyId(),
                            names.ticket() + " (revisit " + names.version() + ")"));
                }
                case INVOICE_CREATED:
                    return createInvoice(index);
                case INVOICE_UPDATED: {
                    ServiceInvoice invoice = any(invoices);
                    return replace(invoices, invoice, withLines(invoice, names.lines(3)));
                }
                case INVOICE_SENT: {
                    ServiceInvoice invoice = any(invoices.stream().filter(i -> !sentInvoices.contains(i.id())).toList());
                    sentInvoices.add(invoice.id());
                    if (plan.profile().has(Rule.INVOICES_WHEN_SENT)) {
                        invoiceInQboAt.putIfAbsent(invoice.id(), index);
                    }
                    return invoice;
                }
                case QBO_CUSTOMER_CREATED: {
                    String token = token('Q');
                    return add(qboCustomers, new QboCustomer(token, token + " " + names.qboCustomer(), names.email(token, 1)));
                }
                case QBO_CUSTOMER_RENAMED: {
                    QboCustomer customer = any(qboCustomers);
                    int version = names.version();
                    return replace(qboCustomers, customer, new QboCustomer(customer.token(),
                            customer.token() + " " + names.qboCustomer() + " " + version, names.email(customer.token(), version)));
                }
                case QBO_INVOICE_CREATED: {
                    Project project = any(projectsInQbo(index));
                    return add(qboInvoices, new QboInvoice(token('X'), project.id(), names.lines(2)));
                }
                case QBO_INVOICE_CHANGED: {
                    QboInvoice invoice = any(qboInvoices);
                    return replace(qboInvoices, invoice, new QboInvoice(invoice.token(), invoice.projectId(), names.lines(2)));
                }
                case QBO_INVOICE_DELETED: {
                    QboInvoice invoice = any(unpaidQboInvoices());
                    qboInvoices.remove(invoice);
                    return invoice;
                }
                case QBO_PAYMENT_CREATED: {
                    PaidInvoice paid = any(payableInvoices(index));
                    paidInvoices.add(paid.invoiceId());
                    return add(payments, new QboPayment(token('Y'), paid, names.paymentAmount()));
                }
                case QBO_PAYMENT_CHANGED: {
                    QboPayment payment = any(payments);
                    return replace(payments, payment, new QboPayment(payment.token(), payment.invoice(), names.paymentAmount()));
                }
                case QBO_PAYMENT_DELETED: {
                    QboPayment payment = any(payments);
                    payments.remove(payment);
                    paidInvoices.remove(payment.invoice().invoiceId());
                    return payment;
                }
                default:
                    throw new IllegalArgumentException("unknown step kind " + kind);
            }
        }

        private ServiceInvoice createInvoice(int index) {
            Ticket ticket = any(tickets);
            String number = token('I');
            List<InvoiceLine> lines = names.lines(3);
            ServiceInvoice invoice = withLines(new ServiceInvoice("si-" + number.toLowerCase(), number, ticket.companyId(),
                    ticket.id(), FIRST_ISSUE_DATE.plusDays(index % 60), lines, null), lines);
            if (plan.profile().has(Rule.TICKETS_AND_INVOICES_WHEN_CREATED)) {
                invoiceInQboAt.put(invoice.id(), index);
            }
            return add(invoices, invoice);
        }

        /** Mostly total = sum of lines; now and then 10.00 more, which must never be SYNCED silently. */
        private ServiceInvoice withLines(ServiceInvoice invoice, List<InvoiceLine> lines) {
            BigDecimal sum = lines.stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal total = random.nextInt(100) < 3 ? sum.add(new BigDecimal("10.00")) : sum;
            return new ServiceInvoice(invoice.id(), invoice.number(), invoice.companyId(), invoice.ticketId(),
                    invoice.issueDate(), lines, total);
        }

        private List<Project> projectsInQbo(int index) {
            return projects.stream().filter(p -> projectCreatedAt.get(p.id()) <= index - SYNC_GAP).toList();
        }

        private List<QboInvoice> unpaidQboInvoices() {
            return qboInvoices.stream().filter(i -> !paidInvoices.contains(i.token())).toList();
        }

        private List<PaidInvoice> payableInvoices(int index) {
            List<PaidInvoice> payable = new ArrayList<>();
            unpaidQboInvoices().forEach(i -> payable.add(PaidInvoice.projectInvoice(i.token(), i.projectId())));
            invoices.stream()
                    .filter(i -> !paidInvoices.contains(i.id()) && invoiceInQboAt.containsKey(i.id())
                            && invoiceInQboAt.get(i.id()) <= index - SYNC_GAP)
                    .forEach(i -> payable.add(PaidInvoice.serviceInvoice(i.id())));
            return payable;
        }

        private String token(char kind) {
            int next = counters.merge(kind, 1, Integer::sum);
            return kind + String.format("%04d", next);
        }

        private <T> T any(List<T> from) {
            return from.get(random.nextInt(from.size()));
        }

        private static <T> T add(List<T> to, T record) {
            to.add(record);
            return record;
        }

        private static <T> T replace(List<T> in, T old, T updated) {
            in.set(in.indexOf(old), updated);
            return updated;
        }
    }
}
