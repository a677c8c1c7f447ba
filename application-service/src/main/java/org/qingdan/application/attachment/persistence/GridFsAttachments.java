package org.qingdan.application.attachment.persistence;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.BsonString;
import org.bson.Document;
import org.qingdan.application.attachment.domain.AttachmentInfo;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/** Attachment contents in GridFS, under generated ids, with their metadata beside them. */
@Component
public class GridFsAttachments {

    private final MongoDatabaseFactory databases;

    public GridFsAttachments(MongoDatabaseFactory databases) {
        this.databases = databases;
        // an application's attachments are asked for at every submission, form print and listing: without an index
        // on the application each asking reads every file's metadata of every application
        databases.getMongoDatabase().getCollection("attachments.files")
                .createIndex(Indexes.ascending("metadata.applicationId"), new IndexOptions().name("application"));
    }

    private GridFSBucket bucket() {
        return GridFSBuckets.create(databases.getMongoDatabase(), "attachments");
    }

    public void store(AttachmentInfo info, InputStream content) {
        Document metadata = new Document("applicationId", info.applicationId())
                .append("ownerUscc", info.ownerUscc())
                .append("fileName", info.fileName())
                .append("mediaType", info.mediaType())
                .append("size", info.size())
                .append("sha256", info.sha256())
                .append("uploadedBy", info.uploadedBy())
                .append("uploadedAt", Date.from(info.uploadedAt()));
        bucket().uploadFromStream(new BsonString(info.id()), info.id(), content,
                new GridFSUploadOptions().metadata(metadata));
    }

    public List<AttachmentInfo> ofApplication(String applicationId) {
        List<AttachmentInfo> found = new ArrayList<>();
        bucket().find(Filters.eq("metadata.applicationId", applicationId)).forEach(f -> found.add(info(f)));
        found.sort(java.util.Comparator.comparing(AttachmentInfo::uploadedAt).thenComparing(AttachmentInfo::id));
        return found;
    }

    public Optional<AttachmentInfo> find(String id) {
        return Optional.ofNullable(bucket().find(Filters.eq("_id", id)).first()).map(GridFsAttachments::info);
    }

    public InputStream open(String id) {
        return bucket().openDownloadStream(new BsonString(id));
    }

    private static AttachmentInfo info(GridFSFile file) {
        Document m = file.getMetadata();
        return new AttachmentInfo(file.getId().asString().getValue(), m.getString("applicationId"), m.getString("ownerUscc"),
                m.getString("fileName"), m.getString("mediaType"), ((Number) m.get("size")).longValue(),
                m.getString("sha256"), m.getString("uploadedBy"), m.getDate("uploadedAt").toInstant());
    }
}
