package org.qingdan.support.observability;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in log lines: mainland mobile numbers ({@code 138****8000}), landlines
 * ({@code 0311-****1234}) and e-mail addresses ({@code z***@bank.cn}). Used as {@code %masked(%msg)}.
 */
public class MaskingConverter extends CompositeConverter<ILoggingEvent> {

    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)(\\d{4})(\\d{4})(?!\\d)");
    private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)(0\\d{2,3})-(\\d{3,4})(\\d{4})(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");

    @Override
    protected String transform(ILoggingEvent event, String in) {
        return mask(in);
    }

    public static String mask(String in) {
        if (in == null || in.isEmpty()) {
            return in;
        }
        String out = MOBILE.matcher(in).replaceAll("$1****$3");
        out = LANDLINE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "-****" + m.group(3)));
        return EMAIL.matcher(out).replaceAll("$1***@$2");
    }
}
