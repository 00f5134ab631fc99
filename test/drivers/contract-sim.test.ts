import { test } from 'node:test';
import { createDriver } from '../../src/drivers/create-driver.ts';
import { runDriverContract } from '../../src/drivers/contract/driver-contract.ts';

runDriverContract('sim driver', () => createDriver('sim'), test);
