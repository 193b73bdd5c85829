package dev.techtrends.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * The service's enums in JSON as {@link Labels} writes them ({@code "adopt"}, {@code "runs-on"}), both ways, so that a
 * view holds the enum itself and its values are written once, in the enum.
 */
@Singleton
public class LabelledEnums implements ObjectMapperCustomizer {

    private static final String SERVICE_PACKAGE = "dev.techtrends.";

    @Override
    public void customize(ObjectMapper objectMapper) {
        SimpleModule module = new SimpleModule("labelled-enums");
        module.setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public JsonSerializer<?> modifyEnumSerializer(SerializationConfig config, JavaType type,
                    BeanDescription description, JsonSerializer<?> serializer) {
                return ours(type) ? LABEL_WRITER : serializer;
            }
        });
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return ours(type) ? new LabelReader(type.getRawClass()) : deserializer;
            }
        });
        objectMapper.registerModule(module);
    }

    private static boolean ours(JavaType type) {
        return type.getRawClass().getName().startsWith(SERVICE_PACKAGE);
    }

    private static final JsonSerializer<Enum<?>> LABEL_WRITER = new JsonSerializer<>() {
        @Override
        public void serialize(Enum<?> value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(Labels.of(value));
        }
    };

    private static final class LabelReader extends JsonDeserializer<Enum<?>> {
        private final Class<?> type;

        LabelReader(Class<?> type) {
            this.type = type;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Enum<?> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            try {
                return Labels.parse((Class<Enum>) type, text);
            } catch (IllegalArgumentException e) {
                return (Enum<?>) context.handleWeirdStringValue(type, text, e.getMessage());
            }
        }
    }
}
