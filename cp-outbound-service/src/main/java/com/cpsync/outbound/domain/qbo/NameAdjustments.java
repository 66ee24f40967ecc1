package com.cpsync.outbound.domain.qbo;

import java.util.ArrayList;
import java.util.List;

import com.cpsync.qbo.client.names.DisplayNames;

/**
 * What became of a name on its way to QBO, in words for the outcome's reason (issue 8: nothing differs
 * silently): {@code :} replaced, the name cut to QBO's limit, or suffixed because it was taken. Spacing
 * and control characters are tidied without a word: they do not show.
 */
public final class NameAdjustments {

    /** Names longer than this are quoted by their beginning in a reason. */
    private static final int QUOTED = 60;

    private NameAdjustments() {
    }

    /** {@code wanted}: the name as Centerpoint gives it; {@code sent}: the DisplayName written to QBO. */
    public static List<String> of(String wanted, String sent) {
        List<String> adjustments = new ArrayList<>();
        String whole = DisplayNames.clean(wanted);
        if (wanted != null && wanted.indexOf(':') >= 0) {
            adjustments.add("':' in the name sent as '-' (QBO keeps ':' for sub-customers)");
        }
        String plain = DisplayNames.displayName(wanted);
        if (!sent.equals(plain)) {
            adjustments.add("the name '" + quoted(plain) + "' is taken in QBO; sent as '" + quoted(sent) + "'");
        }
        if (!sent.startsWith(whole)) {
            int kept = sent.equals(plain) ? plain.length() : commonPrefix(whole, sent);
            adjustments.add("name of " + whole.length() + " characters cut to its first " + kept
                    + " (QBO allows " + DisplayNames.MAX_LENGTH + ")");
        }
        return adjustments;
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    private static String quoted(String name) {
        if (name.length() <= QUOTED) {
            return name;
        }
        int end = Character.isHighSurrogate(name.charAt(QUOTED - 2)) ? QUOTED - 2 : QUOTED - 1;
        return name.substring(0, end) + "…";
    }
}
