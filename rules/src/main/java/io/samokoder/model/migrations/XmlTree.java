package io.samokoder.model.migrations;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A small XML element tree with line numbers, parsed by the JDK's SAX parser locked down against hostile input:
 * secure processing (entity expansion limits), no external general or parameter entities, no external DTD loading,
 * and a resolver that answers every external reference with nothing. Line numbers come from the SAX {@link Locator}.
 * Never throws: a malformed document yields the elements read so far and the error with its line.
 */
public final class XmlTree {

    /** An element: local name, attributes, text content, children, line of its start tag. */
    public static final class Element {
        private final String name;
        private final Map<String, String> attributes;
        private final int line;
        private final Element parent;
        private final List<Element> children = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        Element(String name, Map<String, String> attributes, int line, Element parent) {
            this.name = name;
            this.attributes = attributes;
            this.line = line;
            this.parent = parent;
        }

        public String name() {
            return name;
        }

        public String attr(String key) {
            return attributes.get(key);
        }

        public Map<String, String> attributes() {
            return attributes;
        }

        public int line() {
            return line;
        }

        public Element parent() {
            return parent;
        }

        public List<Element> children() {
            return children;
        }

        public String text() {
            return text.toString().strip();
        }

        /** Pre-order walk over this element and its descendants (iterative: deep documents cannot overflow). */
        public void walk(Consumer<Element> visitor) {
            java.util.ArrayDeque<Element> stack = new java.util.ArrayDeque<>();
            stack.push(this);
            while (!stack.isEmpty()) {
                Element e = stack.pop();
                visitor.accept(e);
                for (int i = e.children.size() - 1; i >= 0; i--) {
                    stack.push(e.children.get(i));
                }
            }
        }
    }

    private static final int MAX_TEXT = 64 * 1024;

    private final Element root;
    private final String error;
    private final int errorLine;

    private XmlTree(Element root, String error, int errorLine) {
        this.root = root;
        this.error = error;
        this.errorLine = errorLine;
    }

    public Element root() {
        return root;
    }

    public String error() {
        return error;
    }

    public int errorLine() {
        return errorLine;
    }

    static SAXParserFactory secureFactory() throws ParserConfigurationException, SAXException {
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setXIncludeAware(false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f;
    }

    public static XmlTree parse(String text) {
        Element[] root = {null};
        try {
            SAXParser parser = secureFactory().newSAXParser();
            try {
                parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            } catch (SAXException ignored) {
                // properties unsupported by this parser: the features above already forbid external access
            }
            DefaultHandler handler = new DefaultHandler() {
                private Locator locator;
                private Element current;

                @Override
                public void setDocumentLocator(Locator l) {
                    this.locator = l;
                }

                @Override
                public InputSource resolveEntity(String publicId, String systemId) {
                    return new InputSource(new StringReader(""));
                }

                @Override
                public void startElement(String uri, String localName, String qName, Attributes atts) {
                    Map<String, String> a = new LinkedHashMap<>();
                    for (int i = 0; i < atts.getLength(); i++) {
                        String n = atts.getLocalName(i);
                        a.put(n == null || n.isEmpty() ? atts.getQName(i) : n, atts.getValue(i));
                    }
                    String name = localName == null || localName.isEmpty() ? qName : localName;
                    Element e = new Element(name, a, locator == null ? 0 : locator.getLineNumber(), current);
                    if (current == null) {
                        root[0] = e;
                    } else {
                        current.children.add(e);
                    }
                    current = e;
                }

                @Override
                public void endElement(String uri, String localName, String qName) {
                    if (current != null) {
                        current = current.parent;
                    }
                }

                @Override
                public void characters(char[] ch, int start, int length) {
                    if (current != null && current.text.length() < MAX_TEXT) {
                        current.text.append(ch, start, Math.min(length, MAX_TEXT - current.text.length()));
                    }
                }
            };
            parser.parse(new InputSource(new StringReader(text)), handler);
            return new XmlTree(root[0], null, 0);
        } catch (SAXParseException e) {
            return new XmlTree(root[0], e.getMessage(), Math.max(1, e.getLineNumber()));
        } catch (SAXException | IOException | ParserConfigurationException | RuntimeException e) {
            return new XmlTree(root[0], String.valueOf(e.getMessage()), 1);
        }
    }
}
