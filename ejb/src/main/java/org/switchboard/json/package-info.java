/** JSON-P helpers shared by every layer: the one provider, JSON kept as text, strict records. Plumbing. */
package org.switchboard.json;
