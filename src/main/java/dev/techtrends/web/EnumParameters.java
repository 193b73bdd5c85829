package dev.techtrends.web;

import dev.techtrends.web.problem.InvalidInputException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Every parameter typed as an enum reads its value by {@link Labels}, and a value that is none of them is a 400
 * naming the parameter and the values it takes (JAX-RS would answer 404). A blank value is the parameter's
 * {@code @DefaultValue}, or null without one.
 */
@Provider
public class EnumParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum()) {
            return null;
        }
        String name = "value";
        String fallback = null;
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                name = query.value();
            } else if (annotation instanceof PathParam path) {
                name = path.value();
            } else if (annotation instanceof DefaultValue defaultValue) {
                fallback = defaultValue.value();
            }
        }
        return (ParamConverter<T>) converter((Class<Enum>) rawType, name, fallback);
    }

    /** The converter of an enum parameter of this name, blank meaning {@code fallback} (null for none). */
    public static <E extends Enum<E>> ParamConverter<E> converter(Class<E> type, String parameter, String fallback) {
        return new ParamConverter<>() {
            @Override
            public E fromString(String text) {
                String value = text == null || text.isBlank() ? fallback : text;
                if (value == null) {
                    return null;
                }
                try {
                    return Labels.parse(type, value);
                } catch (IllegalArgumentException e) {
                    // as a WebApplicationException, so that JAX-RS passes it on instead of answering 404
                    throw new BadRequestException(new InvalidInputException(parameter, e.getMessage()));
                }
            }

            @Override
            public String toString(E value) {
                return Labels.of(value);
            }
        };
    }
}
