package com.cpsync.inbound.config;

import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.cpsync.inbound.adapter.in.web.QuickBooksWebhookHandler;

/**
 * The webhook route in the served OpenAPI document. springdoc lists annotated controllers, not a functional
 * route without springdoc annotations, so the operation is stated here from the handler's path, beside the
 * route rather than as annotations on it; OpenApiDocumentIT checks that the documented route answers.
 */
@Configuration(proxyBeanMethods = false)
public class WebhookOpenApiConfig {

    @Bean
    OpenApiCustomizer webhookOperation() {
        return openApi -> {
            Operation post = new Operation();
            describe(post);
            openApi.path(QuickBooksWebhookHandler.PATH, new PathItem().post(post));
        };
    }

    private static void describe(Operation post) {
        post.operationId("receiveQuickBooksWebhook").summary("Receive a QuickBooks Online webhook delivery")
                .description("Verifies the signature over the raw body, parses the events (CloudEvents array or "
                        + "legacy eventNotifications) and publishes one QboEntityChange per entity to qbo.changes.v1, "
                        + "keyed by realm id. Answers within Intuit's 3 s; nothing else happens on this path.")
                .addParametersItem(new HeaderParameter().name("intuit-signature").required(true)
                        .description("Base64 HMAC-SHA256 of the raw body with the app's verifier token")
                        .schema(new StringSchema()))
                .requestBody(new RequestBody().required(true)
                        .description("The delivery as Intuit sends it; the signature covers exactly these bytes")
                        .content(new Content()
                                .addMediaType("application/cloudevents+json", new MediaType().schema(new ArraySchema()
                                        .items(new ObjectSchema()).description("CloudEvents")))
                                .addMediaType("application/cloudevents-batch+json", new MediaType().schema(
                                        new ArraySchema().items(new ObjectSchema()).description("CloudEvents")))
                                .addMediaType("application/json", new MediaType().schema(new ObjectSchema()
                                        .description("CloudEvents array or legacy {\"eventNotifications\": [...]}")))))
                .responses(new ApiResponses()
                        .addApiResponse("200", json("Published; lists the events that were left out and why",
                                new ObjectSchema().addProperty("accepted", new IntegerSchema())
                                        .addProperty("rejected", new ArraySchema().items(new ObjectSchema()
                                                .addProperty("at", new StringSchema())
                                                .addProperty("reason", new StringSchema())
                                                .addProperty("detail", new StringSchema())))))
                        .addApiResponse("400", json("The body holds no events", error()))
                        .addApiResponse("401", json("intuit-signature missing or not matching; nothing published",
                                error()))
                        .addApiResponse("413", json("Body over app.webhook.max-body-size", error()))
                        .addApiResponse("415", json("Content type not one of the three above, a charset other than "
                                + "UTF-8, or a Content-Encoding", error()))
                        .addApiResponse("503", json("The broker did not take the changes; Intuit retries", error())));
    }

    private static ApiResponse json(String description, Schema<?> schema) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType("application/json", new MediaType().schema(schema)));
    }

    private static Schema<?> error() {
        return new ObjectSchema().properties(Map.of("error", new StringSchema(), "message", new StringSchema()));
    }
}
