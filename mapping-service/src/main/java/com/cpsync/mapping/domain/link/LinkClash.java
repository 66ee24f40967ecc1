package com.cpsync.mapping.domain.link;

/** Why a requested link cannot be stored: the existing link it would contradict. */
public final class LinkClash {

    private LinkClash() {
    }

    /**
     * @return null when {@code requested} agrees with the existing links, else a sentence naming the existing link
     */
    public static String describe(EntityType type, String centerpointId, String qboId,
                                  Link byCenterpointId, Link byQboId) {
        if (byCenterpointId != null && !byCenterpointId.qboId().equals(qboId)) {
            return type + " " + centerpointId + " is already linked to QBO id " + byCenterpointId.qboId();
        }
        if (byQboId != null && !byQboId.centerpointId().equals(centerpointId)) {
            return "QBO id " + qboId + " is already linked to " + type + " " + byQboId.centerpointId();
        }
        return null;
    }
}
