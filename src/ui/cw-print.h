/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cw-document.h"

G_BEGIN_DECLS

typedef void (*CwPrintDone) (GtkPrintOperationResult result,
                             gpointer                user_data);

void cw_print_document (GtkWindow   *parent,
                        CwDocument  *document,
                        const char  *paper_size,
                        const char  *job_name,
                        gboolean     preview,
                        CwPrintDone  done,
                        gpointer     user_data);

G_END_DECLS
