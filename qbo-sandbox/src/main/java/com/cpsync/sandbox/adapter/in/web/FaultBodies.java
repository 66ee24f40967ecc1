package com.cpsync.sandbox.adapter.in.web;

import com.cpsync.sandbox.domain.QboFault;
import com.cpsync.sandbox.engine.Json;
import tools.jackson.databind.node.ObjectNode;

/** The three fault shapes QBO answers with: service {@code Fault}, gateway {@code fault}, XML throttle. */
final class FaultBodies {

    private FaultBodies() {
    }

    static ObjectNode fault(QboFault f) {
        QboFault.Details details = f.details();
        ObjectNode fault = Json.object();
        ObjectNode error = fault.putArray("Error").addObject();
        error.put("Message", details.message());
        error.put("Detail", details.detail());
        error.put("code", details.code());
        error.put("element", details.element());
        fault.put("type", details.type());
        return fault;
    }

    static String faultResponse(QboFault f, String time) {
        ObjectNode root = Json.object();
        root.set("Fault", fault(f));
        root.put("time", time);
        return Json.write(root);
    }

    /** Lower-case keys, as Intuit's gateway answers authentication and authorisation failures. */
    static String gateway(String word, String code, int status, String detail, String type) {
        ObjectNode root = Json.object();
        ObjectNode fault = root.putObject("fault");
        ObjectNode error = fault.putArray("error").addObject();
        error.put("message", "message=" + word + "; errorCode=" + String.format("%06d", Integer.parseInt(code))
                + "; statusCode=" + status);
        error.put("detail", detail);
        error.put("code", code);
        fault.put("type", type);
        return Json.write(root);
    }

    static String throttleXml() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<IntuitResponse xmlns=\"http://schema.intuit.com/finance/v3\">"
                + "<Fault type=\"SERVICE\"><Error code=\"3001\"><Message>message=ThrottleExceeded; errorCode=003001; statusCode=429</Message>"
                + "<Detail>The request limit was reached.</Detail></Error></Fault></IntuitResponse>";
    }

    static String throttleJson(String time) {
        QboFault f = new QboFault("3001", "message=ThrottleExceeded; errorCode=003001; statusCode=429",
                "ThrottleExceeded: the request limit was reached.", "", "ThrottleExceeded", 429);
        return faultResponse(f, time);
    }

    static String serverError(int status, String time) {
        QboFault f = new QboFault(String.valueOf(status), status == 503 ? "Service Unavailable" : "Internal Server Error",
                "The service is temporarily unavailable (injected fault " + status + ")", "", "SystemFault", status);
        return faultResponse(f, time);
    }
}
