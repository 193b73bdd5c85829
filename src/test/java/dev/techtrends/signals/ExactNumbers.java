package dev.techtrends.signals;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;

/** REST Assured reads JSON numbers as floats by default; shares need doubles. It also needs to be told NDJSON is text. */
public final class ExactNumbers {
    private ExactNumbers() {
    }

    public static void configureRestAssured() {
        RestAssured.config = RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE))
                .encoderConfig(EncoderConfig.encoderConfig().encodeContentTypeAs("application/x-ndjson", ContentType.TEXT));
    }
}
