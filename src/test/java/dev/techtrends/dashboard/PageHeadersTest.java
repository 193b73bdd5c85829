package dev.techtrends.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every page route of the dashboard (read off DashboardResource, so a new page is covered), its assets, its error page
 * and Swagger UI carry the security headers and cannot be framed, with or without a trailing slash; the SVG charts,
 * made to be embedded, can.
 */
@QuarkusTest
class PageHeadersTest {

    /** Each page route with its path parameters filled in with catalogue slugs. */
    static List<String> pageRoutes() {
        List<String> routes = new ArrayList<>();
        for (Method method : DashboardResource.class.getDeclaredMethods()) {
            if (!method.isAnnotationPresent(GET.class)) {
                continue;
            }
            Path path = method.getAnnotation(Path.class);
            String route = "/" + (path == null ? "" : path.value().replaceAll("^/", ""));
            routes.add(route.replace("categories/{slug}", "categories/languages")
                    .replace("technologies/{slug}", "technologies/python"));
        }
        assertTrue(routes.size() >= 5, "the dashboard's pages: " + routes);
        assertTrue(routes.stream().noneMatch(route -> route.contains("{")), routes.toString());
        return routes;
    }

    static ValidatableResponse assertNeverFramed(ValidatableResponse response) {
        return response.header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("same-origin"));
    }

    @Test
    void everyPageWithOrWithoutTheSlashCarriesTheHeadersAndCannotBeFramed() {
        for (String route : pageRoutes()) {
            assertNeverFramed(given().accept(DashboardTest.BROWSER).get(route).then().statusCode(200))
                    .header("Content-Security-Policy", containsString("default-src 'none'"))
                    .header("Content-Security-Policy", containsString("script-src 'self'"));
            if (route.equals("/")) {
                continue;
            }
            for (String slashed : List.of(route + "/", route + "//")) {
                assertNeverFramed(given().urlEncodingEnabled(false).accept(DashboardTest.BROWSER)
                        .redirects().follow(false).get(slashed + "?asOf=2024-Q2").then().statusCode(308)
                        .header("Location", equalTo(route + "?asOf=2024-Q2")));
                assertNeverFramed(given().urlEncodingEnabled(false).accept(DashboardTest.BROWSER).get(slashed).then()
                        .statusCode(200))
                        .header("Content-Security-Policy", containsString("script-src 'self'"));
            }
        }
    }

    @Test
    void assetsErrorsAndSwaggerUiCannotBeFramedEither() {
        for (String asset : List.of("/assets/dashboard.css", "/assets/dashboard.js", "/assets/icon.svg")) {
            assertNeverFramed(given().get(asset).then().statusCode(200));
        }
        assertNeverFramed(given().accept(DashboardTest.BROWSER).get("/technologies/fortran").then().statusCode(404))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        assertNeverFramed(given().accept(DashboardTest.BROWSER).get("/no/such/page").then().statusCode(404));
        assertNeverFramed(given().get("/q/swagger-ui/").then().statusCode(200));
        assertNeverFramed(given().get("/api/v1/rankings").then().statusCode(200))
                .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"));
        assertNeverFramed(given().get("/api/v1/rankings?category=nosuch").then().statusCode(400));
    }

    @Test
    void chartsMayBeEmbeddedAnywhereButRunNothing() {
        for (String chart : List.of("/api/v1/technologies/python/chart.svg", "/api/v1/compare/chart.svg?technologies=go,rust",
                "/api/v1/rankings/chart.svg?category=languages", "/api/v1/technologies/python/why.svg")) {
            given().get(chart).then().statusCode(200)
                    .header("Content-Security-Policy", equalTo("default-src 'none'"))
                    .header("Content-Security-Policy", not(containsString("frame-ancestors")))
                    .header("X-Frame-Options", nullValue())
                    .header("X-Content-Type-Options", equalTo("nosniff"));
        }
    }
}
