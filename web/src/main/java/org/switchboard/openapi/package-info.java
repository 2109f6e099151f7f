/**
 * The wire shapes of the APIs whose bodies are checked by hand to answer in the originals' exact words (Junebug,
 * vumi2, Vumi Go): records that only describe those bodies in the OpenAPI document at {@code /openapi}, named from the
 * resources with {@code @RequestBody} and {@code @APIResponse}.
 */
package org.switchboard.openapi;
