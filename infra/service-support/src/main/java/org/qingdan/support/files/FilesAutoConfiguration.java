package org.qingdan.support.files;

import org.qingdan.support.files.web.FileProblems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.util.unit.DataSize;

/**
 * Uploaded files, for the services that take them (those with Tika and PDFBox on their class path): the content
 * inspector, {@link Uploads} with {@code qingdan.attachments.max-size} (20 MB by default), and every refusal as a
 * problem naming the field {@code file} and the rule.
 */
@AutoConfiguration
@ConditionalOnClass(name = {"org.apache.tika.detect.Detector", "org.apache.pdfbox.Loader"})
public class FilesAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ContentInspector contentInspector() {
        return new ContentInspector();
    }

    @Bean
    @ConditionalOnMissingBean
    public Uploads uploads(ContentInspector inspector, @Value("${qingdan.attachments.max-size:20MB}") DataSize maxSize) {
        return new Uploads(inspector, maxSize);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    public FileProblems fileProblems() {
        return new FileProblems();
    }
}
