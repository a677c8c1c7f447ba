package org.qingdan.support.print;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** A service with openhtmltopdf on its class path gets the one {@link PdfPrinter} with the embedded fonts. */
@AutoConfiguration
@ConditionalOnClass(PdfRendererBuilder.class)
public class PrintAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PdfPrinter pdfPrinter() {
        return new PdfPrinter(new PrintFonts());
    }
}
