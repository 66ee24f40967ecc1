package com.cpsync.sandbox.domain.faults;

/** What happens to the reply of an admitted call once the realm has handled it. */
public record ReplyFault(Kind kind, long delayMs, FaultSettings.LostReply lostAs) {

    public enum Kind { NONE, LATE, LOST }

    public static final ReplyFault NONE = new ReplyFault(Kind.NONE, 0, null);

    public static ReplyFault late(long delayMs) {
        return new ReplyFault(Kind.LATE, delayMs, null);
    }

    public static ReplyFault lost(FaultSettings.LostReply lostAs) {
        return new ReplyFault(Kind.LOST, 0, lostAs);
    }
}
