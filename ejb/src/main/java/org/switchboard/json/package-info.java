/** JSON-P helpers shared by the APIs and the engine. */
package org.switchboard.json;
