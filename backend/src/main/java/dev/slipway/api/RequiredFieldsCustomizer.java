package dev.slipway.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Marks in the OpenAPI document which fields of Slipway's records are required, by the rule the API
 * enforces ({@link JsonBodyRules#required}): springdoc cannot see JSpecify's {@code @Nullable}, so without
 * this every field looked optional.
 */
@Component
class RequiredFieldsCustomizer implements OpenApiCustomizer {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    RequiredFieldsCustomizer(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Class<?>> records = new HashMap<>();
        mappings.orderedStream().forEach(mapping -> mapping.getHandlerMethods().values().forEach(method ->
                collect(method, records)));
        for (Map.Entry<String, Schema> schema : openApi.getComponents().getSchemas().entrySet()) {
            Class<?> record = records.get(schema.getKey());
            if (record == null) {
                continue;
            }
            // added to what @Schema(requiredMode = REQUIRED) already marked: a field the service checks itself
            Set<String> required = new LinkedHashSet<>();
            if (schema.getValue().getRequired() != null) {
                required.addAll(schema.getValue().getRequired());
            }
            Arrays.stream(record.getRecordComponents()).filter(JsonBodyRules::required)
                    .map(RecordComponent::getName).forEach(required::add);
            schema.getValue().setRequired(required.isEmpty() ? null : List.copyOf(required));
        }
    }

    private static void collect(HandlerMethod method, Map<String, Class<?>> records) {
        if (!method.getBeanType().getPackageName().startsWith("dev.slipway")) {
            return;
        }
        for (MethodParameter parameter : method.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                collect(parameter.getParameter().getAnnotatedType(), records);
            }
        }
        collect(method.getMethod().getAnnotatedReturnType(), records);
    }

    private static void collect(AnnotatedType type, Map<String, Class<?>> records) {
        if (type instanceof AnnotatedParameterizedType parameterized) {
            for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
                collect(argument, records);
            }
        }
        Class<?> raw = JsonBodyRules.rawClass(type.getType());
        if (raw == null || !raw.isRecord() || !raw.getPackageName().startsWith("dev.slipway")) {
            return;
        }
        if (records.putIfAbsent(schemaName(raw), raw) == null) {
            for (RecordComponent component : raw.getRecordComponents()) {
                collect(component.getAnnotatedType(), records);
            }
        }
    }

    private static String schemaName(Class<?> record) {
        io.swagger.v3.oas.annotations.media.Schema named =
                record.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return named != null && !named.name().isEmpty() ? named.name() : record.getSimpleName();
    }
}
