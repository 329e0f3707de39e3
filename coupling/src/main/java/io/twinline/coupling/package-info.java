/** Field protocols other than OPC UA: a Modbus TCP endpoint and a PLC4X coupling, on the control surface. */
package io.twinline.coupling;
