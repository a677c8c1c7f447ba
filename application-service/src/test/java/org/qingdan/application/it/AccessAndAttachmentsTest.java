package org.qingdan.application.it;

import org.qingdan.testsupport.HttpApi;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.qingdan.application.Forms;
import org.qingdan.testsupport.files.HostileFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

class AccessAndAttachmentsTest extends IntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void another_organisation_can_neither_read_nor_write_nor_download() {
        String callId = openCall();
        String id = completeDraft(callId);
        String attachment = api.get("/api/applications/" + id + "/attachments", Api.applicantA()).json().get(0).get("id").asString();
        String b = Api.applicantB();

        assertThat(api.get("/api/applications/" + id, b).status()).isEqualTo(404);
        assertThat(api.put("/api/applications/" + id + "/form", b, Forms.complete(Forms.files())).status()).isEqualTo(404);
        assertThat(api.post("/api/applications/" + id + "/submit", b, "").status()).isEqualTo(404);
        assertThat(api.post("/api/applications/" + id + "/withdraw", b, Map.of("reason", "恶意撤回")).status()).isEqualTo(404);
        assertThat(api.upload("/api/applications/" + id + "/attachments", b, "x.pdf", TestFiles.pdf(), false).status()).isEqualTo(404);
        assertThat(api.download("/api/applications/" + id + "/attachments/" + attachment, b).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/applications", b).json()).noneMatch(a -> a.get("id").asString().equals(id));

        // a reviewer sees nothing until review-service assigns it (tested with the assignment consumer)
        assertThat(api.download("/api/applications/" + id + "/attachments/" + attachment, Api.reviewer("reviewer9")).statusCode()).isEqualTo(404);

        // the owner and the office do
        assertThat(api.get("/api/applications", Api.applicantA()).json()).anyMatch(a -> a.get("id").asString().equals(id));
        assertThat(api.get("/api/applications/" + id, Api.office()).status()).isEqualTo(200);
        assertThat(api.download("/api/applications/" + id + "/attachments/" + attachment, Api.office()).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/applications/" + id, null).status()).isEqualTo(401);
        // an application's attachments are found on an index of the application, not by reading every file's metadata
        assertThat(mongo.getCollection("attachments.files").listIndexes().into(new ArrayList<>()))
                .anySatisfy(i -> assertThat(i.get("key", Document.class).keySet()).containsExactly("metadata.applicationId"));
    }

    @Test
    void an_executable_renamed_pdf_is_refused_by_its_content() {
        String id = api.post("/api/applications", Api.applicantA(), Map.of("callId", openCall())).json().get("id").asString();
        HttpApi.Response refused = api.upload("/api/applications/" + id + "/attachments", Api.applicantA(), "年度报告.pdf", TestFiles.exe(), false);
        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.json().get("type").asString()).endsWith("/attachment-type");
        assertThat(api.get("/api/applications/" + id + "/attachments", Api.applicantA()).json()).isEmpty();
    }

    @Test
    void an_application_holds_a_bounded_number_of_attachments() {
        String id = api.post("/api/applications", Api.applicantA(), Map.of("callId", openCall())).json().get("id").asString();
        for (int i = 0; i < org.qingdan.application.attachment.AttachmentService.MAX_ATTACHMENTS; i++) {
            assertThat(api.upload("/api/applications/" + id + "/attachments", Api.applicantA(), "材料" + i + ".pdf", TestFiles.pdf(), false)
                    .status()).isEqualTo(201);
        }
        HttpApi.Response refused = api.upload("/api/applications/" + id + "/attachments", Api.applicantA(), "多一个.pdf", TestFiles.pdf(), false);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(refused.json().get("errors").get(0).get("rule").asString()).isEqualTo("max-count");
        assertThat(api.get("/api/applications/" + id + "/attachments", Api.applicantA()).json())
                .hasSize(org.qingdan.application.attachment.AttachmentService.MAX_ATTACHMENTS);
    }

    @Test
    void pdfs_with_javascript_or_launch_actions_are_refused() {
        String id = api.post("/api/applications", Api.applicantA(), Map.of("callId", openCall())).json().get("id").asString();
        HttpApi.Response js = api.upload("/api/applications/" + id + "/attachments", Api.applicantA(), "证书.pdf", TestFiles.pdfWithJavaScript(), false);
        assertThat(js.status()).isEqualTo(422);
        assertThat(js.json().get("type").asString()).endsWith("/attachment-active-content");
        HttpApi.Response launch = api.upload("/api/applications/" + id + "/attachments", Api.applicantA(), "证书.pdf", TestFiles.pdfWithLaunchOnPageOpen(), false);
        assertThat(launch.status()).isEqualTo(422);
        assertThat(api.get("/api/applications/" + id + "/attachments", Api.applicantA()).json()).isEmpty();
    }

    @Test
    void active_content_anywhere_is_refused_with_a_problem_naming_the_field_and_the_rule() {
        String id = api.post("/api/applications", Api.applicantA(), Map.of("callId", openCall())).json().get("id").asString();
        byte[] inlineScript = HostileFiles.rawPdf(HostileFiles.onePage("/Annots [<< /Subtype /Link /Rect [0 0 9 9] "
                + "/A << /S /JavaScript /JS (app.alert\\(1\\)) >> >>]"));
        byte[] docm = HostileFiles.wordPackage(HostileFiles.DOCM_MAIN, Map.of("word/vbaProject.bin", new byte[] {1}));
        byte[] doc = HostileFiles.compoundFile(Map.of("WordDocument", HostileFiles.STREAM, "Macros", HostileFiles.STORAGE,
                "VBA", HostileFiles.STORAGE), null);
        for (var file : Map.of("证书.pdf", "attachment-active-content", "报告.docx", "attachment-macros", "报告.doc", "attachment-macros")
                .entrySet()) {
            byte[] bytes = file.getKey().endsWith(".pdf") ? inlineScript : file.getKey().endsWith(".docx") ? docm : doc;
            HttpApi.Response refused = api.upload("/api/applications/" + id + "/attachments", Api.applicantA(), file.getKey(), bytes, false);
            assertThat(refused.status()).as(file.getKey()).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asString()).endsWith("/" + file.getValue());
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
            assertThat(refused.json().get("errors").get(0).get("rule").asString()).isEqualTo(file.getValue());
        }
        assertThat(api.get("/api/applications/" + id + "/attachments", Api.applicantA()).json()).isEmpty();
    }

    @Test
    void a_chunked_upload_over_the_limit_is_refused_and_nothing_is_stored() {
        String id = api.post("/api/applications", Api.applicantA(), Map.of("callId", openCall())).json().get("id").asString();
        byte[] big = new byte[1536 * 1024]; // 1.5 MB, limit is 1 MB in these tests
        System.arraycopy(TestFiles.pdf(), 0, big, 0, TestFiles.pdf().length);
        HttpApi.Response refused = api.upload("/api/applications/" + id + "/attachments", Api.applicantA(), "大文件.pdf", big, true);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().get("type").asString()).endsWith("/attachment-too-large");
        assertThat(api.get("/api/applications/" + id + "/attachments", Api.applicantA()).json()).isEmpty();
    }

    @Test
    void accepted_files_keep_their_content_hash_a_safe_name_and_download_as_attachments() throws Exception {
        String id = api.post("/api/applications", Api.applicantA(), Map.of("callId", openCall())).json().get("id").asString();
        byte[] png = TestFiles.png();
        HttpApi.Response uploaded = api.upload("/api/applications/" + id + "/attachments", Api.applicantA(), "../../etc/盖章页\u202E.png", png, false);
        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.json().get("mediaType").asString()).isEqualTo("image/png");
        assertThat(uploaded.json().get("fileName").asString()).isEqualTo("盖章页_.png");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
        assertThat(uploaded.json().get("sha256").asString()).isEqualTo(sha);

        HttpResponse<byte[]> download = api.download("/api/applications/" + id + "/attachments/" + uploaded.json().get("id").asString(), Api.applicantA());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(png);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

        HttpApi.Response docx = api.upload("/api/applications/" + id + "/attachments", Api.applicantA(), "报告.bin", TestFiles.docx(), false);
        assertThat(docx.json().get("mediaType").asString()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }
}
