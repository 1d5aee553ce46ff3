/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-template-expander"

#include <string.h>

#include "cw-template-expander.h"

struct _CwTemplateExpander
{
  GHashTable *values;   /* placeholder name → value */
};

/* The placeholders the letters code fills, for the template editor's help. */
static const char * const placeholders[] = {
  "case", "person", "target", "country", "date", "group", "signatory", NULL
};

const char * const *
cw_template_placeholders (void)
{
  return placeholders;
}

CwTemplateExpander *
cw_template_expander_new (void)
{
  CwTemplateExpander *self = g_new0 (CwTemplateExpander, 1);

  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
cw_template_expander_free (CwTemplateExpander *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->values);
  g_free (self);
}

/**
 * cw_template_expander_set:
 * @name: the placeholder without its braces: "case"
 * @value: (nullable): what replaces it; %NULL leaves it as written
 */
void
cw_template_expander_set (CwTemplateExpander *self,
                          const char         *name,
                          const char         *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  if (value == NULL)
    g_hash_table_remove (self->values, name);
  else
    g_hash_table_insert (self->values, g_strdup (name), g_strdup (value));
}

const char *
cw_template_expander_get (CwTemplateExpander *self,
                          const char         *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_hash_table_lookup (self->values, name);
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_';
}

/* The length of the placeholder name after a "{", if a "}" closes it. */
static gsize
placeholder_length (const char *name)
{
  gsize len = 0;

  while (is_name_char (name[len]))
    len++;
  return len > 0 && name[len] == '}' ? len : 0;
}

/**
 * cw_template_expander_expand:
 * @text: a template's text
 *
 * Returns: @text with each known placeholder replaced by its value
 */
char *
cw_template_expander_expand (CwTemplateExpander *self,
                             const char         *text)
{
  GString *out;
  const char *p;

  g_return_val_if_fail (self != NULL, NULL);

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  for (p = text; *p != '\0'; )
    {
      const char *brace = strchr (p, '{');
      g_autofree char *name = NULL;
      const char *value;
      gsize len;

      if (brace == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, brace - p);

      len = placeholder_length (brace + 1);
      name = g_strndup (brace + 1, len);
      value = len > 0 ? g_hash_table_lookup (self->values, name) : NULL;
      if (value == NULL)
        {
          /* Not ours: the brace stays, and scanning goes on after it. */
          g_string_append_c (out, '{');
          p = brace + 1;
          continue;
        }

      g_string_append (out, value);
      p = brace + 1 + len + 1;
    }

  return g_string_free (out, FALSE);
}
