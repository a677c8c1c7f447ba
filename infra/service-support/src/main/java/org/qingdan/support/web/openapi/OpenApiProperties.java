package org.qingdan.support.web.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code qingdan.openapi.*}: what every service's OpenAPI document says about itself beyond its operations.
 * Title and description stay with each service (its own {@code OpenAPI} bean); without one the title is
 * "qingdan" and {@code spring.application.name}.
 */
@ConfigurationProperties("qingdan.openapi")
public class OpenApiProperties {

    /** The one server of the document: relative, so it is wherever the document was read (the service's port, or the gateway's for the routed paths). */
    private String serverUrl = "/";
    private String serverDescription = "this service; through the gateway (https://<host>/) for the routed paths";
    /** The licence the API is offered under. */
    private String licenseName = "Proprietary: the association's own software, all rights reserved (协会自有软件，保留所有权利)";
    /** Where the licence terms are; none by default, since none are published. */
    private String licenseUrl;
    /** Who answers for the API. */
    private String contactName = "The committee's office (专委会办公室)";
    private String contactEmail;

    public String getServerUrl() {
        return serverUrl;
    }

    public void setServerUrl(String serverUrl) {
        this.serverUrl = serverUrl;
    }

    public String getServerDescription() {
        return serverDescription;
    }

    public void setServerDescription(String serverDescription) {
        this.serverDescription = serverDescription;
    }

    public String getLicenseName() {
        return licenseName;
    }

    public void setLicenseName(String licenseName) {
        this.licenseName = licenseName;
    }

    public String getLicenseUrl() {
        return licenseUrl;
    }

    public void setLicenseUrl(String licenseUrl) {
        this.licenseUrl = licenseUrl;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }
}
