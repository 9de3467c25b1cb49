// Product names that promotions advertise and shipping notices recommend.

export const PRODUCTS = ['Merino Hoodie', 'Cast Iron Skillet', 'Trail Runners', 'Linen Duvet Cover', 'Espresso Grinder', 'Rain Jacket', 'Desk Lamp', 'Yoga Mat', 'Wool Socks', 'Ceramic Vase', 'Noise-Cancelling Headphones', 'Backpack 30L', 'Chef’s Knife', 'Board Game', 'Face Serum'];
