package org.qingdan.support.print;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** A service with openhtmltopdf on its class path gets the one {@link PdfPrinter} with the embedded fonts: the Song font where
 * {@code qingdan.print.song-font} (and {@code qingdan.print.song-face}) say, {@link PrintFonts}. */
@AutoConfiguration
@ConditionalOnClass(PdfRendererBuilder.class)
public class PrintAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PdfPrinter pdfPrinter(Environment environment) {
        return new PdfPrinter(new PrintFonts(Path.of(environment.getProperty("qingdan.print.song-font", PrintFonts.DEFAULT_SONG_FONT)),
                environment.getProperty("qingdan.print.song-face", PrintFonts.DEFAULT_SONG_FACE)));
    }
}
