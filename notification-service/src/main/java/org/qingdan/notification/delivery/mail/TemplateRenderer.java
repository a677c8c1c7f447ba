package org.qingdan.notification.delivery.mail;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the mail templates in {@code templates/mail/}: {@code <name>.txt} (first line = subject) and
 * {@code <name>.html}, each Chinese first with English below. Values are escaped in HTML.
 */
@Component
public class TemplateRenderer {

    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        // Spring's engine: SpEL for expressions (the plain engine needs OGNL)
        TemplateEngine engine = new org.thymeleaf.spring6.SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    /** Subject, plain text and HTML of one notification. */
    public record Rendered(String subject, String text, String html) {
    }

    public Rendered render(String template, Map<String, Object> values) {
        Context context = new Context(Locale.SIMPLIFIED_CHINESE, values);
        String plain = text.process(template, context);
        int firstLine = plain.indexOf('\n');
        String subject = (firstLine < 0 ? plain : plain.substring(0, firstLine)).trim();
        String body = firstLine < 0 ? "" : plain.substring(firstLine + 1).strip() + "\n";
        return new Rendered(subject, body, html.process(template, context));
    }
}
