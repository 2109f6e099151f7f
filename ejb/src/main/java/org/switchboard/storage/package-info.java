/** Files the platform keeps for a while (uploads, exports), readable by their owner only. */
package org.switchboard.storage;
