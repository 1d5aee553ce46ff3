/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

void cw_unref_in_thread (gpointer object);

G_END_DECLS
