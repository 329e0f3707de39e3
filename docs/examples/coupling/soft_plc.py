#!/usr/bin/python3
"""A soft PLC for the coupling example: a pymodbus 3.0 server (Debian's python3-pymodbus) with
a scan every 10 ms. It keeps the infeed running, runs the transfer belt while a part is present
and 5 s after, and counts the parts it saw.

Its process image, protocol addresses (PLC4X's coil:1 is address 0):
  coil 0        PartPresent, written by Twinline
  coils 10, 11  Infeed and Transfer motors, read by Twinline
  registers 10-11  the part count (Int32, most significant word first), read by Twinline

Usage: /usr/bin/python3 soft_plc.py [PORT]   (0, the default, picks a free port; printed)
"""
import asyncio
import sys
import time

from pymodbus.datastore import (ModbusSequentialDataBlock, ModbusServerContext,
                                ModbusSlaveContext)
from pymodbus.server import StartAsyncTcpServer

RUN_ON = 5.0


async def scan(coils, registers):
    count, last, run_until = 0, False, 0.0
    while True:
        present = bool(coils.getValues(0, 1)[0])
        now = time.monotonic()
        if present and not last:
            count += 1
        last = present
        if present:
            run_until = now + RUN_ON
        coils.setValues(10, [True, present or now < run_until])
        registers.setValues(10, [(count >> 16) & 0xFFFF, count & 0xFFFF])
        await asyncio.sleep(0.01)


async def main(port):
    coils = ModbusSequentialDataBlock(0, [False] * 100)
    registers = ModbusSequentialDataBlock(0, [0] * 100)
    slave = ModbusSlaveContext(co=coils, hr=registers, zero_mode=True)
    server = await StartAsyncTcpServer(context=ModbusServerContext(slaves=slave, single=True),
                                       address=("127.0.0.1", port), defer_start=True)
    serving = asyncio.create_task(server.serve_forever())
    while server.server is None:
        await asyncio.sleep(0.01)
    print("soft PLC listening on port", server.server.sockets[0].getsockname()[1], flush=True)
    await asyncio.gather(serving, scan(coils, registers))


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 0))
