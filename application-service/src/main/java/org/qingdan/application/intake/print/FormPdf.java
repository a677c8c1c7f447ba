package org.qingdan.application.intake.print;

import org.qingdan.application.intake.FormPrintout;
import org.qingdan.support.print.PdfPrinter;
import org.springframework.stereotype.Component;

/** The print adapter: the 申报表 as a PDF with its fonts embedded. The domain knows nothing of it. */
@Component
public class FormPdf {

    private final PdfPrinter printer;

    public FormPdf(PdfPrinter printer) {
        this.printer = printer;
    }

    public byte[] render(FormPrintout printout) {
        return printer.print(FormDocument.xhtml(printout));
    }
}
