/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-store.h"

G_BEGIN_DECLS

/* Exit status, as the design page sets it. */
typedef enum {
  CW_EXIT_OK = 0,
  CW_EXIT_FAILURE = 1,
  CW_EXIT_REFUSED = 2,   /* the input was refused and nothing changed */
  CW_EXIT_USAGE = 64,
} CwExit;

typedef struct {
  const char *db_path;
} CwCliGlobals;

char    *cw_cli_store_path  (const CwCliGlobals  *globals);
CwStore *cw_cli_open_store  (const CwCliGlobals  *globals,
                             CwExit              *exit_code);
CwStore *cw_cli_open_existing_store (const CwCliGlobals *globals,
                                     CwExit             *exit_code);
CwExit   cw_cli_usage_error (GOptionContext      *context,
                             const char          *message);

CwExit   cw_cli_exit_for_error (const GError     *error);

CwExit   cw_cli_list        (const CwCliGlobals  *globals,
                             int                  argc,
                             char               **argv);
CwExit   cw_cli_import      (const CwCliGlobals  *globals,
                             int                  argc,
                             char               **argv);
CwExit   cw_cli_export      (const CwCliGlobals  *globals,
                             int                  argc,
                             char               **argv);
CwExit   cw_cli_letters     (const CwCliGlobals  *globals,
                             int                  argc,
                             char               **argv);
CwExit   cw_cli_report      (const CwCliGlobals  *globals,
                             int                  argc,
                             char               **argv);
CwExit   cw_cli_backup      (const CwCliGlobals  *globals,
                             int                  argc,
                             char               **argv);
CwExit   cw_cli_restore     (const CwCliGlobals  *globals,
                             int                  argc,
                             char               **argv);

G_END_DECLS
