/** Building, publishing and counting {@code sync.outcomes.v1} records. */
package com.cpsync.syncsupport.outcome;
