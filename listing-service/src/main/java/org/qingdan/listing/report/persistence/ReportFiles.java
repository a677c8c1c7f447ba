package org.qingdan.listing.report.persistence;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Date;
import java.util.UUID;
import org.bson.BsonString;
import org.bson.Document;
import org.qingdan.listing.register.domain.ReReview;
import org.qingdan.support.files.InspectedFile;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * The files of reports and responses in GridFS, under generated ids; their metadata lives in the report, which
 * alone says who may read them.
 */
@Component
public class ReportFiles {

    private final MongoDatabaseFactory databases;

    public ReportFiles(MongoDatabaseFactory databases) {
        this.databases = databases;
    }

    private GridFSBucket bucket() {
        return GridFSBuckets.create(databases.getMongoDatabase(), "reportFiles");
    }

    /** Stores a file that passed the content checks; returns its metadata. */
    public ReReview.File store(String reportId, String ownerUscc, InspectedFile file, java.time.Instant now) throws IOException {
        String id = UUID.randomUUID().toString();
        Document metadata = new Document("reportId", reportId).append("ownerUscc", ownerUscc).append("fileName", file.fileName())
                .append("mediaType", file.mediaType()).append("size", file.size()).append("sha256", file.sha256())
                .append("uploadedAt", Date.from(now));
        try (InputStream in = Files.newInputStream(file.spooled())) {
            bucket().uploadFromStream(new BsonString(id), id, in, new GridFSUploadOptions().metadata(metadata));
        }
        return new ReReview.File(id, file.fileName(), file.mediaType(), file.size(), file.sha256(), now);
    }

    public InputStream open(String id) {
        return bucket().openDownloadStream(new BsonString(id));
    }
}
