package com.solduel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.api.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.junit.jupiter.api.Test;

/**
 * Every JAX-RS resource method of the API carries the annotations its OpenAPI document is generated
 * from, so an endpoint added without documentation fails the build (OpenApiIT checks the served document).
 */
class ResourceDocumentationTest {

    @Test
    void everyResourceMethodIsDocumented() throws Exception {
        List<Method> methods = resourceMethods();
        assertThat(methods).as("resource methods found by scanning com.solduel.api").hasSizeGreaterThanOrEqualTo(10);
        for (Method method : methods) {
            String name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
            Operation operation = method.getAnnotation(Operation.class);
            assertThat(operation).as(name + " @Operation").isNotNull();
            assertThat(operation.summary()).as(name + " summary").isNotBlank();
            APIResponse[] responses = method.getAnnotationsByType(APIResponse.class);
            assertThat(responses).as(name + " @APIResponse").isNotEmpty();
            assertThat(responses).as(name + " a success").anyMatch(r -> r.responseCode().startsWith("2"));
            for (APIResponse response : responses) {
                if (response.responseCode().equals("204")) {
                    // No Content: nothing to describe but the description.
                    assertThat(response.content()).as(name + " 204 has no body").isEmpty();
                    assertThat(response.description()).as(name + " 204 description").isNotBlank();
                    continue;
                }
                assertThat(response.content()).as(name + " " + response.responseCode() + " content").isNotEmpty();
                var content = response.content()[0];
                if (response.responseCode().startsWith("2")) {
                    assertThat(content.mediaType()).as(name).isEqualTo("application/json");
                    assertThat(content.examples()).as(name + " success example").isNotEmpty();
                } else {
                    assertThat(content.mediaType()).as(name + " " + response.responseCode()).isEqualTo(Problem.MEDIA_TYPE);
                    assertThat(content.schema().implementation()).as(name + " " + response.responseCode()).isEqualTo(Problem.class);
                    assertThat(response.description()).as(name + " " + response.responseCode() + " codes").contains("`");
                }
            }
            boolean hasBody = Arrays.stream(method.getParameters()).anyMatch(p -> p.getAnnotations().length == 0
                    || Arrays.stream(p.getAnnotations()).noneMatch(a -> a.annotationType().getPackageName().equals("jakarta.ws.rs")));
            if (hasBody && method.isAnnotationPresent(POST.class)) {
                RequestBody body = method.getAnnotation(RequestBody.class);
                assertThat(body).as(name + " @RequestBody").isNotNull();
                assertThat(body.content()[0].examples()).as(name + " request example").isNotEmpty();
            }
            boolean protectedMethod = method.isAnnotationPresent(RolesAllowed.class);
            assertThat(method.isAnnotationPresent(SecurityRequirement.class)).as(name + " jwt requirement").isEqualTo(protectedMethod);
            if (protectedMethod) {
                assertThat(responses).as(name + " 401").anyMatch(r -> r.responseCode().equals("401"));
            }
        }
    }

    private static List<Method> resourceMethods() throws IOException, URISyntaxException, ClassNotFoundException {
        var root = Paths.get(SolDuelApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Method> methods = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            for (var file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String className = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(className, false, SolDuelApi.class.getClassLoader());
                if (!type.isAnnotationPresent(Path.class)) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    if (Stream.of(GET.class, POST.class, PUT.class, DELETE.class).anyMatch(method::isAnnotationPresent)) {
                        methods.add(method);
                    }
                }
            }
        }
        return methods;
    }
}
