/** The tenants' sync settings replayed from {@code centerpoint.sync-settings.v1}, in each service's own shape. */
package com.cpsync.syncsupport.settings;
