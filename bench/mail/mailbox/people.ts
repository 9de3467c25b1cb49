// Who writes to the mailbox's owner: names and addresses of people, drawn from the seed.
import type { Rng } from '../rng.js';

/** Whose mailbox it is: the address orderwatch is told is the owner's. */
export const OWNER = { name: 'Robin Keller', address: 'robin.keller@fastmail.com' };
export const FIRST = ['Anna', 'Ben', 'Carla', 'David', 'Elif', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kofi', 'Lena', 'Marco', 'Nadia', 'Oskar', 'Priya', 'Quentin', 'Rosa', 'Sam', 'Tomás', 'Ute', 'Vera', 'Wim', 'Yara', 'Zoë'];
const LAST = ['Albers', 'Brennan', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Huber', 'Ivanova', 'Jansen', 'Kowalski', 'Lindqvist', 'Moreau', 'Novak', 'Okafor', 'Petrov', 'Rossi', 'Schmidt', 'Tanaka', 'Varga'];
export const PERSONAL_DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'gmx.de', 'web.de', 'orange.fr', 'hotmail.com', 'proton.me', 'posteo.de'];

export function person(rng: Rng): { name: string; address: string } {
  const first = rng.pick(FIRST);
  const last = rng.pick(LAST);
  const local = `${first}.${last}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z.]/g, '');
  return { name: `${first} ${last}`, address: `${local}${rng.chance(0.3) ? rng.int(1, 99) : ''}@${rng.pick(PERSONAL_DOMAINS)}` };
}
