package dev.techtrends.feeds;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** An Atom 1.0 document (RFC 4287), written with the JDK's StAX writer so that every text is escaped. */
record AtomFeed(String id, String title, String subtitle, OffsetDateTime updated, String self, String alternate,
        String rights, List<Entry> entries) {

    static final String NAMESPACE = "http://www.w3.org/2005/Atom";

    /** Stable ids: tag URIs (RFC 4151) under the project's name and the year the feeds began. */
    static final String ID_PREFIX = "tag:tech-trends-api,2026:";

    record Entry(String id, String title, OffsetDateTime updated, String link, String category, String summary,
            String rights) {
    }

    String render() {
        StringWriter out = new StringWriter(2048 + entries.size() * 1024);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("utf-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NAMESPACE);
            text(xml, "id", id);
            text(xml, "title", title);
            text(xml, "subtitle", subtitle);
            text(xml, "updated", timestamp(updated));
            link(xml, "self", "application/atom+xml", self);
            link(xml, "alternate", "text/html", alternate);
            xml.writeStartElement("author");
            text(xml, "name", "Tech Trends API");
            xml.writeEndElement();
            text(xml, "generator", "Tech Trends API");
            text(xml, "rights", rights);
            for (Entry entry : entries) {
                xml.writeStartElement("entry");
                text(xml, "id", entry.id());
                text(xml, "title", entry.title());
                text(xml, "updated", timestamp(entry.updated()));
                link(xml, "alternate", "text/html", entry.link());
                xml.writeEmptyElement("category");
                xml.writeAttribute("term", entry.category());
                text(xml, "summary", entry.summary());
                text(xml, "rights", entry.rights());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    private static String timestamp(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC)
                .withNano(0));
    }
}
