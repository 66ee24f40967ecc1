package com.cpsync.console.adapter.in.web;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

import com.cpsync.console.application.UnknownTenantException;

/** An unknown tenant on a page: a 404 page that says which. */
@ControllerAdvice(assignableTypes = PagesController.class)
class PageErrorHandler {

    @ExceptionHandler(UnknownTenantException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(UnknownTenantException ex, Model model) {
        model.addAttribute("message", ex.getMessage());
        return "not-found";
    }
}
