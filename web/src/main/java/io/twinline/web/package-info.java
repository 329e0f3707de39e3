/** The HTTP API, live stream and the console page (Vert.x), on the control surface. */
package io.twinline.web;
