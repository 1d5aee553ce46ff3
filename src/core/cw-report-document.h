/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-document.h"
#include "cw-report.h"

G_BEGIN_DECLS

/* The yearly report as pages: what cw_report_write_pdf() writes and the
 * report window prints and previews. */

#define CW_TYPE_REPORT_DOCUMENT (cw_report_document_get_type ())

G_DECLARE_FINAL_TYPE (CwReportDocument, cw_report_document, CW, REPORT_DOCUMENT, GObject)

CwReportDocument *cw_report_document_new         (CwReport         *report);
CwReport         *cw_report_document_get_report  (CwReportDocument *self);
guint             cw_report_document_get_n_pages (CwReportDocument *self);

G_END_DECLS
