package com.cpsync.sandbox.domain;

/** A QBO business fault ({@code Fault.Error[]} in the response), thrown by the domain and rendered by the web layer. */
public class QboFault extends RuntimeException {

    /** What QBO's fault body carries, and the status it comes with. */
    public record Details(String code, String message, String detail, String element, String type, int httpStatus) {
    }

    private final Details details;

    public QboFault(String code, String message, String detail, String element, String type, int httpStatus) {
        super(message);
        this.details = new Details(code, message, detail, element == null ? "" : element, type, httpStatus);
    }

    public static QboFault validation(String code, String message, String detail) {
        return new QboFault(code, message, detail, "", "ValidationFault", 400);
    }

    public static QboFault validation(String code, String message, String detail, String element) {
        return new QboFault(code, message, detail, element, "ValidationFault", 400);
    }

    public static QboFault staleObject(String id, String syncToken) {
        return validation("5010", "Stale Object Error",
                "Stale Object Error : You and another user were working on the same thing. Id=" + id
                        + " SyncToken=" + syncToken + " is not the latest.");
    }

    public static QboFault notFound(String entity, String id) {
        return validation("610", "Object Not Found",
                "Object Not Found : Something you're trying to use has been made inactive or deleted. "
                        + entity + " Id=" + id);
    }

    public static QboFault invalidReference(String element, String id) {
        return validation("2500", "Invalid Reference Id",
                "Invalid Reference Id : " + element + " assigned is invalid: " + id, element);
    }

    public static QboFault duplicateName(String name, String type, String id) {
        return validation("6240", "Duplicate Name Exists Error",
                "The name supplied already exists. : Another customer, vendor or employee is already using this name. "
                        + "Please use a different name. Id=" + id + " (" + type + ") Name=" + name);
    }

    public static QboFault required(String element) {
        return validation("2020", "Required param missing, need to supply the required value for the API",
                "Required parameter " + element + " is missing in the request", element);
    }

    public static QboFault business(String detail) {
        return validation("6000", "A business validation error has occurred while processing your request",
                "Business Validation Error: " + detail);
    }

    public static QboFault queryParse(String detail) {
        return validation("4000", "Error parsing query", "QueryParserError: " + detail);
    }

    public static QboFault badRequest(String detail) {
        return validation("2030", "Invalid Request Param", detail);
    }

    public Details details() {
        return details;
    }
}
