package com.cpsync.console.domain.reconciliation;

import java.util.Arrays;
import java.util.Optional;

/**
 * What to resync: one record ({@code {"entity","centerpointId"}}), every difference of one kind ({@code
 * {"kind"}}) or every repairable difference of the tenant ({@code {"all":true}}). Exactly one of the three.
 */
public record ResyncRequest(BooksEntity entity, String centerpointId, DifferenceKind kind, boolean all) {

    public static ResyncRequest parse(String entity, String centerpointId, String kind, Boolean all) {
        boolean one = entity != null || centerpointId != null;
        int given = (one ? 1 : 0) + (kind != null ? 1 : 0) + (Boolean.TRUE.equals(all) ? 1 : 0);
        if (given != 1) {
            throw new InvalidResyncException("give exactly one of {\"entity\",\"centerpointId\"}, {\"kind\"} or"
                    + " {\"all\":true}");
        }
        if (one) {
            if (entity == null || centerpointId == null || centerpointId.isBlank()) {
                throw new InvalidResyncException("one record needs both entity and centerpointId");
            }
            return new ResyncRequest(parseEnum(BooksEntity.class, "entity", entity), centerpointId, null, false);
        }
        if (kind != null) {
            DifferenceKind parsed = parseEnum(DifferenceKind.class, "kind", kind);
            if (!parsed.resyncable()) {
                throw new InvalidResyncException(parsed + " is not repaired by resync: "
                        + (parsed == DifferenceKind.HELD_CONFLICT ? "a person resolves a held conflict"
                                : "nothing is wrong to resend"));
            }
            return new ResyncRequest(null, null, parsed, false);
        }
        return new ResyncRequest(null, null, null, true);
    }

    /** Whether a difference found by a reconciliation is one this request asks to resend. */
    public boolean covers(Difference difference) {
        return difference.kind().resyncable() && (all || difference.kind() == kind);
    }

    public Optional<BooksEntity> oneEntity() {
        return Optional.ofNullable(entity);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String field, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidResyncException(field + " must be one of "
                        + Arrays.toString(type.getEnumConstants()) + " but was '" + value + "'"));
    }
}
